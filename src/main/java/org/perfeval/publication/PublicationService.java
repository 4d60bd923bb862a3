package org.perfeval.publication;

import java.time.Clock;
import java.util.List;

import org.perfeval.form.FormHeader;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.FormStore;
import org.perfeval.form.StoredForm;
import org.perfeval.form.WorkflowAction;
import org.perfeval.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 公开: freezing approved forms and reading them without login. */
@Service
public class PublicationService {
    private final FormMapper formMapper;
    private final FormStore formStore;
    private final FormHistory history;
    private final Clock clock;

    public PublicationService(FormMapper formMapper, FormStore formStore, FormHistory history, Clock clock) {
        this.formMapper = formMapper;
        this.formStore = formStore;
        this.history = history;
        this.clock = clock;
    }

    /** Called by the process after finance approval; the form is frozen from here on. */
    @Transactional
    public void publish(Long formId) {
        formMapper.markPublished(formId, clock.instant());
        history.record(formId, null, WorkflowAction.PUBLISH, FormStatus.FINANCE_REVIEW, FormStatus.PUBLISHED, null);
    }

    @Transactional(readOnly = true)
    public List<FormHeader> published() {
        return formMapper.findPublished();
    }

    /** A published form; anything else is answered as not found, so drafts stay invisible. */
    @Transactional(readOnly = true)
    public StoredForm publishedForm(Long formId) {
        FormHeader header = formMapper.findHeader(formId);
        if (header == null || header.getStatus() != FormStatus.PUBLISHED) {
            throw new NotFoundException("未找到已公开的评价表");
        }
        return formStore.load(formId);
    }
}
