-- Room bookings by room and time, for availability of types that need a room: without it
-- the snapshot read every booking at the location in the window to find the few with a room.
create index appointments_room_time on appointments (reserved_room_id, starts_at) where reserved_room_id is not null;
