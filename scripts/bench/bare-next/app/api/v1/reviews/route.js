import { answer } from '../../shape';

// Passage's rating request, Next's work only: the bearer token read through headers(), the JSON
// body parsed, a JSON reply.
export async function POST(request) {
  return answer(request, null);
}
