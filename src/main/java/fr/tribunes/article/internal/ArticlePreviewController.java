package fr.tribunes.article.internal;

import fr.tribunes.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The back office's preview: an op-ed, draft or not, on the very page readers will see, marked as a preview. */
@Controller
class ArticlePreviewController {

    private final ArticleCatalog catalog;

    private final ArticleMetadataFactory metadata;

    ArticlePreviewController(ArticleCatalog catalog, ArticleMetadataFactory metadata) {
        this.catalog = catalog;
        this.metadata = metadata;
    }

    @GetMapping("/admin/tribunes/{id}/apercu")
    String preview(@PathVariable String id, Model model) {
        ArticleView article = (id.matches("[0-9]{1,18}")
                        ? catalog.preview(Long.parseLong(id))
                        : java.util.Optional.<ArticleView>empty())
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a le numéro « %s ».".formatted(id)));
        model.addAttribute("article", article);
        model.addAttribute("meta", metadata.of(article));
        model.addAttribute("preview", true);
        return ArticleController.ARTICLE_VIEW;
    }
}
