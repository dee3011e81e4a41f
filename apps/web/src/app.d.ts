// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      status: number;
      message: string;
      /** The API's error code, when the error came from the API. */
      code?: string;
    }
  }
}

export {};
