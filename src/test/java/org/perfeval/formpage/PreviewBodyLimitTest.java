package org.perfeval.formpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;

import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.InvalidInputException;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;

/** Live scoring reads a body only up to its limit: whatever a caller sends beyond it never reaches memory. */
class PreviewBodyLimitTest {

    @Test
    void aBodyWithoutALengthIsReadOnlyToTheLimit() throws Exception {
        EvaluationFormService forms = Mockito.mock(EvaluationFormService.class);
        Mockito.when(forms.readableHeader(Mockito.any(), Mockito.any())).thenReturn(new FormHeader());
        Endless body = new Endless();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/forms/1/preview") {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(body);
            }
        };

        assertThatThrownBy(() -> new PreviewController(forms).preview(Mockito.mock(CurrentUser.class), 1L, request))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请求内容过大（不超过 4 MB）");
        assertThat(body.read).isEqualTo(PreviewController.MAX_BODY_BYTES + 1L);
    }

    /** A body that never ends (a chunked upload without a length), counting what was taken from it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            read += len;
            return len;
        }
    }
}
