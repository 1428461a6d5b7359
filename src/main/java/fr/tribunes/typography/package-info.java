/**
 * French text: typography for display (narrow no-break spaces before {@code : ; ! ?}, guillemets), text as
 * a person typed it (control characters and lone surrogates dropped), and addresses made from names (slugs).
 */
@ApplicationModule(
        displayName = "Typography",
        allowedDependencies = {})
package fr.tribunes.typography;

import org.springframework.modulith.ApplicationModule;
