package org.retailhub.connectors.lake;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.retailhub.domain.lake.LakeLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Copies the lake's committed files to an S3-compatible bucket under {@code <prefix><relative path>}, so the bucket
 * has the same layout as the folder. A file is marked uploaded only after the bucket took it; a crash in between
 * uploads it again, which overwrites the same object.
 */
class S3LakeUpload implements LakeUpload, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3LakeUpload.class);
    private static final int PER_ROUND = 200;

    private final S3Client s3;
    private final LakeProperties.ObjectStorage storage;
    private final Path lake;
    private final LakeLedger ledger;

    S3LakeUpload(LakeProperties.ObjectStorage storage, Path lake, LakeLedger ledger) {
        this.s3 = client(storage);
        this.storage = storage;
        this.lake = lake;
        this.ledger = ledger;
    }

    private static S3Client client(LakeProperties.ObjectStorage storage) {
        // checksums only where S3 requires them: S3-compatible stores do not all take the SDK's newer trailing checksums
        S3ClientBuilder builder = S3Client.builder().region(Region.of(storage.region())).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!storage.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(storage.endpoint())).forcePathStyle(true);
        }
        builder.credentialsProvider(storage.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey())));
        return builder.build();
    }

    @Override
    public void uploadCommitted() {
        List<String> due = ledger.notUploaded(PER_ROUND);
        for (String path : due) {
            if (!Files.exists(lake.resolve(path))) {
                // only when the folder was not kept (a temporary lake, or files removed by hand): see the runbook
                log.error("lake: committed file {} is not in {} and cannot be uploaded", path, lake);
                continue;
            }
            put(path);
            ledger.uploaded(path);
        }
    }

    @Override
    public void uploadSchema(String relativePath) {
        put(relativePath);
    }

    private void put(String relativePath) {
        s3.putObject(PutObjectRequest.builder().bucket(storage.bucket()).key(storage.prefix() + relativePath).build(), lake.resolve(relativePath));
    }

    @Override
    public void close() {
        s3.close();
    }
}
