/**
 * Readers' comments under the op-eds ("Laisser un commentaire"): the form, held for moderation, the approved
 * comments on the op-ed page, and the moderation queue in the back office. A commenter's e-mail address is for
 * editors only and never appears on a public page, feed or API answer.
 */
@ApplicationModule(
        displayName = "Comments",
        allowedDependencies = {"article", "pagecache", "storage", "web"})
package fr.tribunes.comment;

import org.springframework.modulith.ApplicationModule;
