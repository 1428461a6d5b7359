package fr.tribunes.topic;

import fr.tribunes.facet.FacetEntity;
import jakarta.persistence.Entity;

@Entity
class Topic extends FacetEntity {

    protected Topic() {}

    Topic(String slug, String name) {
        super(slug, name);
    }

    TopicRef toRef() {
        return new TopicRef(id(), slug(), name());
    }
}
