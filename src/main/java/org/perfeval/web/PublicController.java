package org.perfeval.web;

import org.perfeval.publication.PublicationService;
import org.perfeval.review.ReviewService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 信息公开: published forms, readable without login. */
@Controller
class PublicController {
    private final PublicationService publication;
    private final ReviewService reviews;

    PublicController(PublicationService publication, ReviewService reviews) {
        this.publication = publication;
        this.reviews = reviews;
    }

    @GetMapping("/public")
    String list(Model model) {
        model.addAttribute("forms", publication.published());
        return "public/list";
    }

    @GetMapping("/public/forms/{id}")
    String show(@PathVariable Long id, Model model) {
        var stored = publication.publishedForm(id);
        model.addAttribute("header", stored.header());
        model.addAttribute("form", stored.content());
        // Return reasons are internal; only approving opinions are public.
        model.addAttribute("opinions", reviews.opinionsOf(id).stream()
                .filter(o -> !o.decision().isReturn()).toList());
        return "public/form";
    }
}
