package fr.tribunes.topic;

import fr.tribunes.system.FacetDirectory;
import org.springframework.stereotype.Service;

/** Looks up topics for the other features. */
@Service
public class Topics extends FacetDirectory<Topic, TopicRef> {

    Topics(TopicRepository repository) {
        super(repository, Topic::toRef);
    }
}
