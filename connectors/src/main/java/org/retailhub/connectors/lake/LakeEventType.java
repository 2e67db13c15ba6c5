package org.retailhub.connectors.lake;

import com.fasterxml.jackson.databind.JsonNode;

/** One kind of canonical event the lake keeps: its schema, and how a message of its topic becomes a row. */
interface LakeEventType {

    LakeSchema schema();

    /**
     * The row of one message (JSON) of the type's topic.
     *
     * @throws IllegalArgumentException when the message lacks what the schema needs
     */
    LakeRow row(JsonNode message);
}
