package fr.tribunes.editorial;

import fr.tribunes.article.PublicationKind;
import fr.tribunes.article.Publishers;
import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.NotFoundException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Says what kind of periodical each original publisher is, a magazine or a newspaper: the citation formats' type
 * for its op-eds (listed with the authors, themes and organisations, {@code /admin/facettes}).
 */
@Controller
class PublisherAdminController {

    private final Publishers publishers;

    private final MessageSource messages;

    PublisherAdminController(Publishers publishers, MessageSource messages) {
        this.publishers = publishers;
        this.messages = messages;
    }

    @PostMapping("/admin/publications")
    String setKind(
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "kind", required = false) String kind,
            RedirectAttributes flash) {
        if (name == null || name.isBlank()) {
            throw new BadRequestException(message("editorial.publishers.name.missing"));
        }
        PublicationKind chosen = kind(kind);
        if (!publishers.setKind(name, chosen)) {
            throw new NotFoundException(message("editorial.publishers.unknown", name));
        }
        flash.addFlashAttribute(
                "done",
                message(
                        chosen == null ? "editorial.publishers.cleared" : "editorial.publishers.saved." + chosen,
                        name));
        return "redirect:/admin/facettes#publications";
    }

    private PublicationKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        for (PublicationKind value : PublicationKind.values()) {
            if (value.name().equals(kind)) {
                return value;
            }
        }
        throw new BadRequestException(message("editorial.publishers.kind.unknown", kind));
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, Locale.FRENCH);
    }
}
