package fr.tribunes.editorial;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.article.Rights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The op-ed form as the browser sends it: plain strings, kept whole so that whatever the editor typed comes back
 * to them with the errors. Themes are one per line; organisations one per line, {@code Nom | écrit ainsi} when the
 * text spells the name differently.
 */
public class ArticleForm {

    /** Blank signature rows offered below those filled in. */
    static final int SPARE_BYLINES = 2;

    /** The most signature rows a form may send. */
    static final int MAX_BYLINES = 40;

    private String title = "";

    private String slug = "";

    private String standfirst = "";

    private String text = "";

    private String date = "";

    private boolean dateApproximate;

    private String dateNote = "";

    private String originalPublisher = "";

    private String originalUrl = "";

    private String rightsHolder = "";

    /** {@link Rights.Basis#key()}, or blank. */
    private String rightsBasis = "";

    private String rightsLicense = "";

    private List<BylineForm> bylines = new ArrayList<>();

    private String themes = "";

    private String organisations = "";

    private String reason = "";

    private long version;

    /** One signature row. */
    public static class BylineForm {

        private String author = "";

        private String authorSlug = "";

        private String role = "";

        private String organisation = "";

        private String credit = "";

        public BylineForm() {}

        BylineForm(ArticleDraft.Byline byline) {
            this.author = orEmpty(byline.author());
            this.authorSlug = orEmpty(byline.authorSlug());
            this.role = orEmpty(byline.role());
            this.organisation = orEmpty(byline.organisation());
            this.credit = orEmpty(byline.credit());
        }

        public String getAuthor() {
            return author;
        }

        public void setAuthor(String author) {
            this.author = author;
        }

        public String getAuthorSlug() {
            return authorSlug;
        }

        public void setAuthorSlug(String authorSlug) {
            this.authorSlug = authorSlug;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public String getCredit() {
            return credit;
        }

        public void setCredit(String credit) {
            this.credit = credit;
        }

        ArticleDraft.Byline toByline() {
            return new ArticleDraft.Byline(author, authorSlug, role, organisation, credit);
        }
    }

    static ArticleForm empty() {
        ArticleForm form = new ArticleForm();
        form.withSpareRows();
        return form;
    }

    static ArticleForm of(ArticleEditor.Edited edited) {
        ArticleDraft draft = edited.draft();
        ArticleForm form = new ArticleForm();
        form.title = orEmpty(draft.title());
        form.slug = orEmpty(draft.slug());
        form.standfirst = orEmpty(draft.standfirst());
        form.text = orEmpty(draft.text());
        form.date = orEmpty(draft.date());
        form.dateApproximate = draft.dateApproximate();
        form.dateNote = orEmpty(draft.dateNote());
        form.originalPublisher = orEmpty(draft.originalPublisher());
        form.originalUrl = orEmpty(draft.originalUrl());
        form.rightsHolder = orEmpty(draft.rights().holder());
        form.rightsBasis =
                draft.rights().basis() == null ? "" : draft.rights().basis().key();
        form.rightsLicense = orEmpty(draft.rights().license());
        draft.bylines().forEach(b -> form.bylines.add(new BylineForm(b)));
        form.themes = String.join("\n", draft.themes());
        form.organisations = draft.organisations().stream()
                .map(o -> o.writtenAs() == null ? o.name() : o.name() + " | " + o.writtenAs())
                .collect(Collectors.joining("\n"));
        form.version = edited.version();
        form.withSpareRows();
        return form;
    }

    /** Adds blank signature rows, so an editor can add an author without any script. */
    ArticleForm withSpareRows() {
        if (bylines.size() > MAX_BYLINES) {
            bylines = new ArrayList<>(bylines.subList(0, MAX_BYLINES));
        }
        for (int i = 0; i < SPARE_BYLINES; i++) {
            bylines.add(new BylineForm());
        }
        return this;
    }

    /** Whether the footing chosen for the rights is none of those the form offers (a forged request). */
    boolean unknownRightsBasis() {
        return rightsBasis != null && !rightsBasis.isBlank() && Rights.Basis.of(rightsBasis) == null;
    }

    ArticleDraft toDraft() {
        List<ArticleDraft.Mentioned> mentioned = lines(organisations).stream()
                .map(line -> {
                    int bar = line.indexOf('|');
                    return bar < 0
                            ? new ArticleDraft.Mentioned(line, null)
                            : new ArticleDraft.Mentioned(line.substring(0, bar), line.substring(bar + 1));
                })
                .toList();
        return new ArticleDraft(
                title,
                slug,
                standfirst,
                text,
                date,
                dateApproximate,
                dateNote,
                originalPublisher,
                originalUrl,
                bylines.stream()
                        .filter(b -> b != null)
                        .limit(MAX_BYLINES)
                        .map(BylineForm::toByline)
                        .toList(),
                lines(themes),
                mentioned,
                new Rights(rightsHolder, Rights.Basis.of(rightsBasis), rightsLicense));
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getStandfirst() {
        return standfirst;
    }

    public void setStandfirst(String standfirst) {
        this.standfirst = standfirst;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public boolean isDateApproximate() {
        return dateApproximate;
    }

    public void setDateApproximate(boolean dateApproximate) {
        this.dateApproximate = dateApproximate;
    }

    public String getDateNote() {
        return dateNote;
    }

    public void setDateNote(String dateNote) {
        this.dateNote = dateNote;
    }

    public String getOriginalPublisher() {
        return originalPublisher;
    }

    public void setOriginalPublisher(String originalPublisher) {
        this.originalPublisher = originalPublisher;
    }

    public String getOriginalUrl() {
        return originalUrl;
    }

    public void setOriginalUrl(String originalUrl) {
        this.originalUrl = originalUrl;
    }

    public String getRightsHolder() {
        return rightsHolder;
    }

    public void setRightsHolder(String rightsHolder) {
        this.rightsHolder = rightsHolder;
    }

    public String getRightsBasis() {
        return rightsBasis;
    }

    public void setRightsBasis(String rightsBasis) {
        this.rightsBasis = rightsBasis;
    }

    public String getRightsLicense() {
        return rightsLicense;
    }

    public void setRightsLicense(String rightsLicense) {
        this.rightsLicense = rightsLicense;
    }

    public List<BylineForm> getBylines() {
        return bylines;
    }

    public void setBylines(List<BylineForm> bylines) {
        this.bylines = bylines;
    }

    public String getThemes() {
        return themes;
    }

    public void setThemes(String themes) {
        this.themes = themes;
    }

    public String getOrganisations() {
        return organisations;
    }

    public void setOrganisations(String organisations) {
        this.organisations = organisations;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
