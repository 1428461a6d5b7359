package fr.tribunes;

/** The site on the default database, H2. */
class H2ArchiveSiteTests extends ArchiveSiteTests {}
