package org.retailhub.connectors.lake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The data lake's exporter ({@code hub.lake.*}): canonical events from Kafka to Parquet files.
 *
 * @param enabled       this instance may export; of several, the one holding the exporter's lock does (a leader lock on the hub database, {@code LeaderLock})
 * @param folder        the lake's local folder; blank = {@code lake/} beside the embedded data folder
 *                      ({@code .hub-data/lake}), or a temporary folder removed at stop when there is none
 * @param interval      the pause between two export rounds
 * @param batchSize     the most records of one partition in one batch (one file per event type and day)
 * @param objectStorage where the files are copied to as well; nothing is uploaded while its bucket is blank
 */
@Validated
@ConfigurationProperties("hub.lake")
public record LakeProperties(@DefaultValue("true") boolean enabled,
                             @NotNull @DefaultValue("") String folder,
                             @NotNull @DefaultValue("PT10S") Duration interval,
                             @Min(1) @Max(100_000) @DefaultValue("5000") int batchSize,
                             @Valid @NotNull @DefaultValue ObjectStorage objectStorage) {

    /**
     * An S3-compatible object storage the lake's files are uploaded to, under the same relative paths.
     *
     * @param bucket    blank = no upload
     * @param prefix    prepended to every object's key, e.g. {@code retail-hub/lake/}
     * @param endpoint  blank = AWS itself; else e.g. {@code http://minio:9000} (path-style addressing is used then)
     * @param region    the bucket's region
     * @param accessKey blank = the AWS SDK's default credentials chain (environment, profile, instance role)
     * @param secretKey goes with {@code accessKey}; from the environment or a secret store, never from the repository
     */
    public record ObjectStorage(@NotNull @DefaultValue("") String bucket,
                                @NotNull @DefaultValue("") String prefix,
                                @NotNull @DefaultValue("") String endpoint,
                                @NotNull @DefaultValue("eu-central-1") String region,
                                @NotNull @DefaultValue("") String accessKey,
                                @NotNull @DefaultValue("") String secretKey) {

        public boolean configured() {
            return !bucket.isBlank();
        }
    }
}
