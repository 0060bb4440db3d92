package org.yardstick.supervision.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of task supervision ({@code yardstick.supervision.*}).
 *
 * @param frequency how often items are reported on, for plans without a setting of their own
 * @param graceDays how many days after a period ends its reports are still accepted
 * @param dueSoonDays how many days before the deadline an item is due soon
 * @param attachmentsDir where evidence files are stored (outside the database)
 * @param maxAttachmentSize the largest evidence file accepted
 * @param mailFrom the sender of alert e-mails
 * @param digestHour the hour of the day from which the day's digests are sent
 * @param baseUrl the address of the platform, for links in e-mails
 */
@ConfigurationProperties("yardstick.supervision")
public record SupervisionSettings(
        @DefaultValue("QUARTER") ReportingFrequency frequency,
        @DefaultValue("30") int graceDays,
        @DefaultValue("30") int dueSoonDays,
        @DefaultValue("./data/attachments") Path attachmentsDir,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("yardstick@localhost") String mailFrom,
        @DefaultValue("7") int digestHour,
        @DefaultValue("http://localhost:8080") String baseUrl) {}
