package org.retailhub.connectors.lake;

/** Copies the lake's committed files to an object storage; idempotent (a file copied twice is the same object). */
interface LakeUpload {

    /** No object storage configured: the files stay in the local folder only. */
    LakeUpload NONE = new LakeUpload() {
        @Override
        public void uploadCommitted() {
        }

        @Override
        public void uploadSchema(String relativePath) {
        }
    };

    /** Uploads every committed file not uploaded yet, and records it as uploaded. */
    void uploadCommitted();

    /** Uploads a schema description (relative path in the lake). */
    void uploadSchema(String relativePath);
}
