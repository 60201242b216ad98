import 'server-only';
import { redirect } from 'next/navigation';
import { currentTeacher, type TeacherRef } from './auth';
import type { AppError } from './errors';
import { apiRoute } from './http';
import { ANONYMOUS_LEARNER, type LearnerRef, type LearnerSource } from './learners';
import { currentLearner, learnerForWrite, learnerOfRequest } from './session';

/**
 * One way to pass the caller: these wrappers resolve the learner or teacher and the awaited
 * params once, so every use case receives a caller that is there. Whether that caller may touch
 * the thing it names stays the use case's check. `Ctx` is Next's `RouteContext<'/api/…'>`.
 */
type Context = { params: Promise<object> };
type Call<Ctx extends Context> = { request: Request; params: Awaited<Ctx['params']> };
type Handler<Ctx extends Context, Caller> = (call: Call<Ctx> & Caller) => Promise<Response>;

function route<Ctx extends Context, Caller>(caller: (request: Request) => Promise<Caller>, handler: Handler<Ctx, Caller>) {
  return apiRoute(async (request: Request, context: Ctx) =>
    handler({ request, params: (await context.params) as Awaited<Ctx['params']>, ...(await caller(request)) }),
  );
}

/** A route with no caller: anyone may call it. */
export function publicRoute<Ctx extends Context>(handler: Handler<Ctx, object>) {
  return route(async () => ({}), handler);
}

// Routes read the learner from their own request: it skips Next's request-scoped headers() (the hot paths).
async function signedInLearner(request: Request, missing: () => AppError): Promise<LearnerRef> {
  const learner = await learnerOfRequest(request);
  if (!learner) throw missing();
  return learner;
}

/** A route for the learner this request speaks for; without one, `missing()` is the answer. */
export function learnerRoute<Ctx extends Context>(missing: () => AppError, handler: Handler<Ctx, { learner: LearnerRef }>) {
  return route(async (request) => ({ learner: await signedInLearner(request, missing) }), handler);
}

/** A route that only reads: a visitor with no learner yet gets a new learner's defaults. */
export function visitorRoute<Ctx extends Context>(handler: Handler<Ctx, { learner: LearnerRef }>) {
  return route(async (request) => ({ learner: (await learnerOfRequest(request)) ?? ANONYMOUS_LEARNER }), handler);
}

/**
 * A route whose first write creates the learner: the use case resolves the source only after
 * it has validated the input, so a refused request never leaves a learner behind.
 */
export function writerRoute<Ctx extends Context>(handler: Handler<Ctx, { learner: LearnerSource }>) {
  return route(async (request) => ({ learner: (await learnerOfRequest(request)) ?? learnerForWrite }), handler);
}

/** A route for the signed-in teacher; without one, `missing()` is the answer. */
export function teacherRoute<Ctx extends Context>(missing: () => AppError, handler: Handler<Ctx, { teacher: TeacherRef }>) {
  return route(async () => {
    const teacher = await currentTeacher();
    if (!teacher) throw missing();
    return { teacher };
  }, handler);
}

/** A server action for the learner this request speaks for; without one, `missing()` answers instead. */
export function learnerAction<Args extends unknown[], Result>(
  missing: (...args: Args) => Promise<Result>,
  action: (learner: LearnerRef, ...args: Args) => Promise<Result>,
) {
  return async (...args: Args): Promise<Result> => {
    const learner = await currentLearner();
    return learner ? action(learner, ...args) : missing(...args);
  };
}

/** A server action whose first write creates the learner (see writerRoute). */
export function writerAction<Args extends unknown[], Result>(action: (learner: LearnerSource, ...args: Args) => Promise<Result>) {
  return async (...args: Args): Promise<Result> => action((await currentLearner()) ?? learnerForWrite, ...args);
}

/** A server action for the signed-in teacher; anyone else is sent to sign in. */
export function teacherAction<Args extends unknown[], Result>(action: (teacher: TeacherRef, ...args: Args) => Promise<Result>) {
  return async (...args: Args): Promise<Result> => {
    const teacher = await currentTeacher();
    if (!teacher) redirect('/teach/sign-in');
    return action(teacher, ...args);
  };
}
