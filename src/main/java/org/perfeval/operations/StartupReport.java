package org.perfeval.operations;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up where the records are kept, and loudly when they are not kept at all. */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final String url;
    private final String evidenceStore;
    private final String evidenceDir;

    StartupReport(@Value("${spring.datasource.url:}") String url,
                  @Value("${perfeval.evidence.store:files}") String evidenceStore,
                  @Value("${perfeval.evidence.dir:}") String evidenceDir) {
        this.url = url;
        this.evidenceStore = evidenceStore;
        this.evidenceDir = evidenceDir;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (url.startsWith("jdbc:h2:mem:")) {
            log.warn("\n==== 临时内存模式：停止后所有评价表、意见和日志都会丢失，仅用于演示和测试 ===="
                    + "\n==== Throwaway in-memory mode: every record is lost when the application stops ====");
        }
        String where = url.contains(";") ? url.substring(0, url.indexOf(';')) : url.replaceAll("\\?.*", "");
        log.info("数据库 / database: {}; 佐证材料 / evidence: {}", where,
                "database".equals(evidenceStore) ? "数据库 / in the database" : evidenceDir);
    }
}
