package fr.tribunes.topic;

import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.facet.FormerSlugs;
import fr.tribunes.topic.internal.Topic;
import fr.tribunes.topic.internal.TopicRepository;
import org.springframework.stereotype.Service;

/** Looks up topics for the other features. */
@Service
public class Topics extends FacetDirectory<Topic, TopicRef> {

    Topics(TopicRepository repository, FacetServices services) {
        super(repository, Topic::toRef, Topic::new, FormerSlugs.Kind.TOPIC, services);
    }
}
