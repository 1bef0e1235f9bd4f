// The console's only way to the server: Lectern's own API, with the signed-in account's tokens.
// Tokens live in this module's memory and nowhere else (no web storage, no cookie), so closing
// or reloading the tab signs out.

let session = null;
let refreshing = null;
const listeners = new Set();

/** An API answer that was not a success: the server's message, code and request id. */
export class ApiError extends Error {
  constructor(status, body, requestId) {
    const error = body && typeof body.error === 'object' ? body.error : {};
    super(error.message || (body && body.message) || `The server answered HTTP ${status}.`);
    this.status = status;
    this.code = error.code || null;
    this.details = error.details || [];
    this.requestId = error.requestId || requestId || null;
  }
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

function changed() {
  listeners.forEach((listener) => listener(currentUser()));
}

/** The signed-in account as its access token names it: name and roles (display only). */
export function currentUser() {
  if (!session) {
    return null;
  }
  const claims = decodeClaims(session.accessToken);
  const roles = claims.groups || [];
  return { name: claims.upn || claims.preferred_username || claims.sub, roles };
}

export function isAdmin() {
  const user = currentUser();
  return Boolean(user && user.roles.includes('admin'));
}

function decodeClaims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch (e) {
    return {};
  }
}

async function parse(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return { message: text.slice(0, 300) };
  }
}

async function exchange(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'omit',
  });
  const answer = await parse(response);
  if (!response.ok) {
    throw new ApiError(response.status, answer, response.headers.get('X-Request-ID'));
  }
  return answer;
}

/** Signs in; an account with none of the roles is signed out again before anything is shown. */
export async function signIn(username, password, roles) {
  const answer = await exchange('/api/v1/auth/login', { username, password });
  const granted = decodeClaims(answer.accessToken).groups || [];
  if (!granted.some((role) => roles.includes(role))) {
    await exchange('/api/v1/auth/logout', { refreshToken: answer.refreshToken }).catch(() => null);
    throw new ApiError(403, { error: { message: `The console is for ${roles.join(' and ')} accounts.` } });
  }
  session = { accessToken: answer.accessToken, refreshToken: answer.refreshToken };
  changed();
  return currentUser();
}

export async function signOut() {
  const ending = session;
  session = null;
  changed();
  if (ending && ending.refreshToken) {
    try {
      await exchange('/api/v1/auth/logout', { refreshToken: ending.refreshToken });
    } catch (e) {
      // The session is gone from this tab either way; an expired refresh token ends nothing.
    }
  }
}

/** Rotates the refresh token once, however many requests found the access token expired. */
async function refresh() {
  if (!session || !session.refreshToken) {
    return false;
  }
  if (!refreshing) {
    const used = session.refreshToken;
    refreshing = exchange('/api/v1/auth/refresh', { refreshToken: used })
      .then((answer) => {
        session = { accessToken: answer.accessToken, refreshToken: answer.refreshToken };
        return true;
      })
      .catch(() => {
        session = null;
        changed();
        return false;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/** Calls the API as the signed-in account; answers parsed JSON or throws an ApiError. */
export async function api(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    if (!session) {
      throw new ApiError(401, { message: 'Sign in first.' });
    }
    const headers = { Authorization: `Bearer ${session.accessToken}` };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
    if (response.status === 401 && attempt === 0 && (await refresh())) {
      continue;
    }
    const answer = await parse(response);
    if (!response.ok) {
      throw new ApiError(response.status, answer, response.headers.get('X-Request-ID'));
    }
    return answer;
  }
}

/** Uploads a file as the request body, reporting progress (fetch cannot report upload progress). */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    if (!session) {
      reject(new ApiError(401, { message: 'Sign in first.' }));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    request.setRequestHeader('Content-Type', 'application/zip');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded, event.total);
      }
    });
    request.addEventListener('load', () => {
      let answer = null;
      try {
        answer = request.responseText ? JSON.parse(request.responseText) : null;
      } catch (e) {
        answer = { message: request.responseText.slice(0, 300) };
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(answer);
      } else {
        reject(new ApiError(request.status, answer, request.getResponseHeader('X-Request-ID')));
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, { message: 'The upload was interrupted.' })));
    request.send(file);
  });
}

/** Reads one public text endpoint (the Prometheus exposition at /metrics). */
export async function text(path) {
  const response = await fetch(path, { credentials: 'omit' });
  if (!response.ok) {
    throw new ApiError(response.status, null, response.headers.get('X-Request-ID'));
  }
  return response.text();
}
