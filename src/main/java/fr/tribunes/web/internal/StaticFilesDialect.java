package fr.tribunes.web.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Gives templates {@code #assets}, the hashed addresses of static files: {@code ${#assets.url('/css/tribunes.css')}}. */
@Component
class StaticFilesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final StaticFiles files;

    StaticFilesDialect(StaticFiles files) {
        super("static-files");
        this.files = files;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("assets");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return files;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
