package fr.tribunes.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC validates no form or body with Bean Validation here: the editors' input is checked, with messages in
 * French, where it is written ({@code article.DraftCheck}, the back office's forms). Without this, Spring MVC finds
 * Hibernate Validator on the class path (springdoc reads its annotations) and starts it at every start: some 500
 * classes and their metadata resident for the life of the process, for nothing.
 */
@Configuration(proxyBeanMethods = false)
class NoBeanValidation implements WebMvcConfigurer {

    @Override
    public Validator getValidator() {
        return new Validator() {
            @Override
            public boolean supports(Class<?> type) {
                return false;
            }

            @Override
            public void validate(Object target, Errors errors) {}
        };
    }
}
