package fr.tribunes.topic;

import fr.tribunes.system.FacetRepository;

interface TopicRepository extends FacetRepository<Topic> {}
