-- 关联程序: proceedings a complainant started around a ticket, recorded by the officer who learns of them —
-- 政府信息公开申请, 行政复议, 行政诉讼, 向纪检监察部门举报 — with the date filed and the result. The abnormal-list
-- model counts them per person (岳市监〔2024〕16号 三(三)–(五)) and the shared list reports them in its fields.
-- Co-located with tickets (ticket_id leads the key).
CREATE TABLE ticket_proceedings (
  ticket_id    text NOT NULL,
  id           text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('disclosure', 'review', 'lawsuit', 'discipline')),
  filed_on     date NOT NULL,
  result       text,
  note         text,
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, id)
);
