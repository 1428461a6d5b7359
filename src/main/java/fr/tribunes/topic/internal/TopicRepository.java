package fr.tribunes.topic.internal;

import fr.tribunes.facet.FacetRepository;

public interface TopicRepository extends FacetRepository<Topic> {}
