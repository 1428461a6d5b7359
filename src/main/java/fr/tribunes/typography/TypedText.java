package fr.tribunes.typography;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Text as a person types it never holds control characters (but tabs and line breaks), unpaired surrogates or the
 * non-characters U+FFFE and U+FFFF; only a hand-made request sends them, and once stored they broke what is written
 * in XML (an Atom feed refuses them). Every request parameter, query or form field, reaches the application without
 * them. (A filter rather than a binder for every controller: a global binder would configure each binder before the
 * controllers' own {@code @InitBinder}, which then may not set their limits.)
 */
@Configuration(proxyBeanMethods = false)
public class TypedText {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> typedParameters() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        chain.doFilter(new Typed(request), response);
                    }
                });
        // After Spring Security's chain (-100), which reads nothing of a form but its CSRF token.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 30);
        return registration;
    }

    /**
     * Whether a text meant to hold on one line (a title, a name, a publisher) breaks lines: line feed, carriage
     * return, vertical tab, form feed, next line, line and paragraph separators. Such a field refuses them rather
     * than pass them on to formats where a line is a record (RIS, BibTeX, CSV).
     */
    public static boolean breaksLines(String text) {
        return text != null
                && text.chars()
                        .anyMatch(c -> c == '\n'
                                || c == '\r'
                                || c == 0x0B
                                || c == 0x0C
                                || c == 0x85
                                || c == 0x2028
                                || c == 0x2029);
    }

    /** The text with every character XML 1.0 cannot hold taken out. */
    public static String withoutControls(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c < 0xD800)
                    || (c > 0xDFFF && c < 0xFFFE)
                    || (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** The request with its parameters' values (and names) without those characters. */
    private static final class Typed extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        Typed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> typed = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] kept = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        kept[i] = withoutControls(values[i]);
                    }
                    typed.merge(withoutControls(name), kept, (a, b) -> {
                        String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                        System.arraycopy(b, 0, both, a.length, b.length);
                        return both;
                    });
                });
                parameters = Collections.unmodifiableMap(typed);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
