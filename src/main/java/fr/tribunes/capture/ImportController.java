package fr.tribunes.capture;

import fr.tribunes.article.ArticleEditor;
import fr.tribunes.article.WordDiff;
import fr.tribunes.article.WordDiff.Segment;
import fr.tribunes.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The back office's imports ({@code /admin/imports}): an address to fetch, or a file to upload (the upload itself is
 * {@link ImportUpload}'s, a servlet of its own so that no other address of the site reads multipart bodies); the
 * report of what was created and what was refused; each capture's WARC file to download; and, for a draft that came
 * in by an import, the check page: the text extracted from the capture beside the draft's, every difference marked.
 */
@Controller
class ImportController {

    static final String REPORT = ImportController.class.getName() + ".report";

    static final String PROBLEM = ImportController.class.getName() + ".problem";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H'\u00A0h\u00A0'mm", Locale.FRENCH);

    private final Imports imports;

    private final Captures captures;

    private final ArticleEditor editor;

    ImportController(Imports imports, Captures captures, ArticleEditor editor) {
        this.imports = imports;
        this.captures = captures;
        this.editor = editor;
    }

    @GetMapping("/admin/imports")
    String page(HttpSession session, Model model) {
        // What the last import did, shown once.
        model.addAttribute("report", session.getAttribute(REPORT));
        model.addAttribute("problem", session.getAttribute(PROBLEM));
        session.removeAttribute(REPORT);
        session.removeAttribute(PROBLEM);
        return "capture/imports";
    }

    @PostMapping("/admin/imports/adresse")
    String address(
            @RequestParam(name = "adresse", defaultValue = "") String address, Principal who, HttpSession session)
            throws IOException {
        if (address.isBlank()) {
            session.setAttribute(PROBLEM, "Indiquez l’adresse de la page à importer.");
        } else {
            try {
                session.setAttribute(REPORT, imports.importAddress(address.strip(), who.getName()));
            } catch (IllegalArgumentException refused) {
                session.setAttribute(PROBLEM, refused.getMessage());
            }
        }
        return "redirect:/admin/imports";
    }

    @GetMapping("/admin/captures/{id}")
    void download(@PathVariable String id, HttpServletResponse response) throws IOException {
        Captures.Capture capture = find(id);
        response.setContentType("application/warc");
        response.setHeader("Content-Disposition", "attachment; filename=\"capture-" + capture.id() + ".warc.gz\"");
        response.setContentLengthLong(capture.warcSize());
        captures.copyWarc(capture.id(), response.getOutputStream());
    }

    @GetMapping("/admin/tribunes/{id}/verification")
    String check(@PathVariable String id, Model model) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new NotFoundException("Aucune tribune n’a le numéro « %s ».".formatted(id));
        }
        long key = Long.parseLong(id);
        ArticleEditor.Edited edited = editor.find(key)
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a le numéro « %s ».".formatted(id)));
        String extracted = captures.extractedFor(key)
                .orElseThrow(() -> new NotFoundException(
                        "Cette tribune n’est pas venue d’un import : il n’y a pas de" + " capture à comparer."));
        String draft = Imports.compared(edited.draft());
        // What only the capture has is « removed », what only the draft has is « added ».
        List<Segment> segments = WordDiff.between(extracted, draft);
        model.addAttribute("edited", edited);
        model.addAttribute("capture", captures.provenanceOf(key).orElse(null));
        model.addAttribute(
                "capturedOn",
                captures.provenanceOf(key)
                        .map(p ->
                                p.capturedAt().atZone(ZoneId.of("Europe/Paris")).format(WHEN))
                        .orElse(null));
        model.addAttribute("segments", segments);
        model.addAttribute(
                "differences",
                segments.stream().filter(s -> !s.kind().equals("same")).count());
        return "capture/check";
    }

    private Captures.Capture find(String id) {
        if (!id.matches("[0-9]{1,18}(\\.warc\\.gz)?")) {
            throw new NotFoundException("Aucune capture n’a le numéro « %s ».".formatted(id));
        }
        return captures.find(Long.parseLong(id.replace(".warc.gz", "")))
                .orElseThrow(() -> new NotFoundException("Aucune capture n’a le numéro « %s ».".formatted(id)));
    }
}
