// Every form shares one state shape; it lives in lib/forms so server actions and tests use it too.
export { EMPTY_FORM, type FormState } from '@/lib/forms/form-state';
