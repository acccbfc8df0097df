-- Rooms become editable from the screen and the API (POST /api/rooms, PATCH /api/rooms/{id}):
-- a version for If-Match, when it last changed, and a name and kind that are never blank. The
-- kind stays free text: appointment types reserve rooms by kind (`resource_kinds`), and a
-- practice may name its own ("ultrasound"). A room leaves service by `active = false` (its
-- past visits keep it), never by deletion.
alter table rooms
  add column version integer not null default 1,
  add column updated_at timestamptz,
  add constraint rooms_name_not_blank check (btrim(name) <> '' and length(name) <= 60),
  add constraint rooms_kind_not_blank check (btrim(kind) <> '' and length(kind) <= 60);
