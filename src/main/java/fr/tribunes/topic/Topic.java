package fr.tribunes.topic;

import fr.tribunes.system.FacetEntity;
import jakarta.persistence.Entity;

@Entity
class Topic extends FacetEntity {

    protected Topic() {}

    TopicRef toRef() {
        return new TopicRef(id(), slug(), name());
    }
}
