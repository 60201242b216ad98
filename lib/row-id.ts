/** The shape of a stored row's id (attempts, assignments, students, …) as a client sends it back. */
export const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;
