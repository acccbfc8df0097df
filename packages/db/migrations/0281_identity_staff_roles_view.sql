-- Identity's read surface for "who holds which role where": the tasks module decides a
-- member of staff's team (colleagues holding one of their roles at the task's location).
create view staff_roles with (security_invoker = true) as
  select r.user_id, r.organization_id, r.role, r.location_id
  from user_roles r
  join users u on u.id = r.user_id
  where u.active;

comment on view staff_roles is 'identity module read surface: active staff members'' roles (location null: every location)';
