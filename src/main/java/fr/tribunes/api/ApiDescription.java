package fr.tribunes.api;

import fr.tribunes.web.SiteUrls;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description names the site's configured address as its server. springdoc would otherwise build
 * it from each request's {@code Host} header, in a document served with {@code Cache-Control: public}: anyone could
 * have a shared cache keep a description pointing clients at another host.
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
                .servers(List.of(new Server().url(urls.siteUrl())));
    }
}
