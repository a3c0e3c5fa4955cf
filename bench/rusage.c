/*
 * bench/rusage: runs a command and writes "WALL_US CPU_US MAXRSS_KIB"
 * into a file, from wait4(2), so that bench/run.sh gets
 * CPU time in microseconds (GNU time's %U and %S count 10 ms ticks).
 * Usage: rusage OUTFILE COMMAND [ARG...]; exits with the command's status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long us(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *f;
	pid_t pid;
	int st;

	if (argc < 3) {
		fputs("usage: rusage OUTFILE COMMAND [ARG...]\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) < 0)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	f = fopen(argv[1], "w");
	if (!f)
		return 2;
	fprintf(f, "%lld %lld %ld\n",
		(t1.tv_sec - t0.tv_sec) * 1000000LL +
			(t1.tv_nsec - t0.tv_nsec) / 1000,
		us(ru.ru_utime) + us(ru.ru_stime), ru.ru_maxrss);
	fclose(f);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
