package fr.tribunes.system;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text as a person types it never holds control characters (but tabs and line breaks), unpaired surrogates or the
 * non-characters U+FFFE and U+FFFF; only a hand-made request sends them, and once stored they broke what is written
 * in XML (an Atom feed refuses them). Every string a form or an address brings is bound without them.
 */
@ControllerAdvice
public final class TypedText {

    @InitBinder
    void withoutControls(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : withoutControls(text));
            }
        });
    }

    /** The text with every character XML 1.0 cannot hold taken out. */
    public static String withoutControls(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))
                    || c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c < 0xD800)
                    || (c > 0xDFFF && c < 0xFFFE);
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
