package fr.tribunes.api;

import fr.tribunes.web.SiteUrls;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description names the site's configured address as its server. springdoc would otherwise build
 * it from each request's {@code Host} header, in a document served with {@code Cache-Control: public}: anyone could
 * have a shared cache keep a description pointing clients at another host. It also defines the problem details
 * the API answers errors with.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI openApi(SiteUrls urls) {
        return new OpenAPI()
                .info(new Info()
                        .title("Tribunes")
                        .description("L’archive des tribunes, en lecture seule.")
                        .version("1"))
                .servers(List.of(new Server().url(urls.siteUrl())))
                .components(new Components().addSchemas("Problem", problem()));
    }

    /** The errors {@link ApiErrors} sends: RFC 9457 problem details, in French. */
    private static ObjectSchema problem() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("Une erreur (RFC 9457), expliquée en français");
        problem.addProperty("type", new StringSchema().format("uri-reference").example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Introuvable"));
        problem.addProperty("status", new IntegerSchema().example(404));
        problem.addProperty("detail", new StringSchema().example("Aucune tribune n’a l’adresse « inconnue »."));
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        // Spring leaves "type" out when it is "about:blank", as RFC 9457 allows: not required.
        problem.required(List.of("title", "status", "detail"));
        return problem;
    }
}
