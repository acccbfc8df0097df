-- Active patients who agreed to texts and have a mobile number: who may be offered something by
-- text (a waiting-list offer to a patient with no email). Only the ids, as patients_reachable_by_email.
create view patients_reachable_by_text with (security_invoker = true) as
  select id, organization_id from patients
   where status = 'active' and consent_sms_reminders
     and exists (
       select 1 from jsonb_array_elements(case when jsonb_typeof(phones) = 'array' then phones else '[]'::jsonb end) ph
        where ph ->> 'type' = 'mobile' and coalesce(ph ->> 'number', '') <> ''
     );
comment on view patients_reachable_by_text is 'patients module read surface: active patients with text consent and a mobile number';
