// The bundled seed plan (webpack: asset/source), in its own module so tests can supply it from disk.
import text from '../../../../seeds/000_c36e4d77f78aadb1.txt';

export const seedText: string = text;
