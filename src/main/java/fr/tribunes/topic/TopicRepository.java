package fr.tribunes.topic;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface TopicRepository extends Repository<Topic, Long> {

    Optional<Topic> findBySlug(String slug);

    List<Topic> findByIdIn(Collection<Long> ids);

    List<Topic> findAllByOrderBySlug();
}
