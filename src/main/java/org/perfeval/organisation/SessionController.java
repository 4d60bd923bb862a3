package org.perfeval.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether this browser's session is still logged in, and the CSRF token that goes with it. Pages
 * ask before they post: when the session has expired they offer a login in place (the typed values
 * stay on the page), and after it they post with the new token (a login changes it).
 */
@RestController
class SessionController {
    @GetMapping("/session")
    ResponseEntity<Map<String, Object>> session(Authentication authentication, CsrfToken csrf) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean signedIn = authentication != null && authentication.getPrincipal() instanceof CurrentUser;
        body.put("signedIn", signedIn);
        body.put("username", signedIn ? ((CurrentUser) authentication.getPrincipal()).getUsername() : null);
        body.put("parameterName", csrf.getParameterName());
        body.put("headerName", csrf.getHeaderName());
        body.put("token", csrf.getToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
