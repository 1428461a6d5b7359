package fr.tribunes.topic;

import fr.tribunes.facet.FacetRepository;

interface TopicRepository extends FacetRepository<Topic> {}
