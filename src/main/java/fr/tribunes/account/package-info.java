/**
 * Editors' accounts: signing in to the administration under {@code /admin}, with failed attempts throttled, the
 * first editor created at start-up, and editors adding editors and changing their own password. The public site
 * needs no account and never opens a session.
 */
@ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"storage", "web"})
package fr.tribunes.account;

import org.springframework.modulith.ApplicationModule;
