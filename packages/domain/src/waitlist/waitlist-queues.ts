export const SLOT_FREED_QUEUE = 'waitlist.slot-freed';
export const SEND_OFFER_QUEUE = 'waitlist.send-offer';
export const EXPIRE_OFFER_QUEUE = 'waitlist.expire-offer';
