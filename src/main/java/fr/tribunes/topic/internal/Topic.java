package fr.tribunes.topic.internal;

import fr.tribunes.facet.FacetEntity;
import fr.tribunes.topic.TopicRef;
import jakarta.persistence.Entity;

@Entity
public class Topic extends FacetEntity {

    protected Topic() {}

    public Topic(String slug, String name) {
        super(slug, name);
    }

    public TopicRef toRef() {
        return new TopicRef(id(), slug(), name());
    }
}
