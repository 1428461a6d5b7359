package fr.tribunes.topic;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up themes for the other features. */
@Service
@Transactional(readOnly = true)
public class Topics {

    private final TopicRepository topics;

    Topics(TopicRepository topics) {
        this.topics = topics;
    }

    /** The themes with these keys, in alphabetical order (by slug, which ignores accents and case). */
    public List<TopicRef> findAllByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return topics.findByIdIn(ids).stream()
                .map(Topic::toRef)
                .sorted(Comparator.comparing(TopicRef::slug))
                .toList();
    }

    public Optional<TopicRef> findBySlug(String slug) {
        return topics.findBySlug(slug).map(Topic::toRef);
    }

    public List<TopicRef> findAll() {
        return topics.findAllByOrderBySlug().stream().map(Topic::toRef).toList();
    }
}
