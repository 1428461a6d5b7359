/**
 * The archive as a research source: OAI-PMH 2.0 for library harvesters ({@code /oai}, Dublin Core records, themes as
 * sets, deleted records for withdrawn op-eds) and the whole published corpus as a dataset ({@code /donnees}, JSON
 * Lines and CSV described by a Frictionless Data package), both read a page at a time so that memory stays flat
 * however large the archive.
 */
@ApplicationModule(
        displayName = "Harvesting and datasets",
        allowedDependencies = {"article", "facet", "pagecache", "topic", "typography", "web"})
package fr.tribunes.harvest;

import org.springframework.modulith.ApplicationModule;
