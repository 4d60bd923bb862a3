package org.perfeval.campaign;

public enum CampaignStatus {
    DRAFT("未下发"), OPEN("进行中"), CLOSED("已结束");

    private final String label;

    CampaignStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
