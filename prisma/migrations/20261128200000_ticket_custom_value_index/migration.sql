-- CreateIndex
CREATE INDEX "ticket_custom_name_value_idx" ON "ticket_custom"("name", "value", "ticket");
