#!/bin/sh
# Start-up for the image: the knowledge base lives on the data volume, so articles added by
# admins in Telegram survive restarts and image updates.
#  - first start (no articles on the volume yet): the bundled articles are copied there;
#  - every start: the bundled data files (glossary, lexicons, gazetteer, fitted scorer) are
#    refreshed from the image, since they go with the code; articles are never overwritten.
set -eu
mkdir -p "$KNOWLEDGE_DIR"
if [ ! -d "$KNOWLEDGE_DIR/articles" ]; then
    cp -rp /app/knowledge/articles "$KNOWLEDGE_DIR/articles"
fi
for f in /app/knowledge/*.txt /app/knowledge/*.json; do
    cp -p "$f" "$KNOWLEDGE_DIR/"
done
exec "$@"
