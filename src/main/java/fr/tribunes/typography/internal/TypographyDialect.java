package fr.tribunes.typography.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Gives templates {@code #typo}, French typography at rendering time: {@code th:text="${#typo.fr(text)}"}. */
@Component
class TypographyDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final FrenchTypography TYPOGRAPHY = new FrenchTypography();

    TypographyDialect() {
        super("typography");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("typo");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return TYPOGRAPHY;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
